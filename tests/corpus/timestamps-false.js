const Owner = sequelize.define('owner', { name: DataTypes.STRING }, { timestamps: false });
const Pug = sequelize.define('pug', { name: DataTypes.STRING }, { timestamps: false });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
