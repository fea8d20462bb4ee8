// expect error "violates foreign key constraint" at "Pug.create({ name: 'Cody', ownerId: 42 })" hint "create the owner first"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
await sequelize.sync({ force: true });
await Pug.create({ name: 'Cody', ownerId: 42 });
