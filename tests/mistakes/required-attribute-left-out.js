// expect error "notNull Violation: owner.name cannot be null" at "Owner.create({})" hint "allowNull"
const Owner = sequelize.define('owner', { name: { type: DataTypes.STRING, allowNull: false } });
await sequelize.sync({ force: true });
await Owner.create({});
