//! Ready-made snippets: the example the page opens with.

/// The one-to-many pug/owner tutorial, with its models defined.
pub const DEFAULT_EXAMPLE: &str = r#"const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });

Pug.belongsTo(Owner);
Owner.hasMany(Pug);

await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.create({ name: 'Cody', ownerId: tom.id });
console.log(await Owner.findAll({ include: Pug }));
"#;
