// expect error "SequelizeUniqueConstraintError: Validation error" at "Owner.create({ email: 'tom@example.com' })"#2 hint "unique"
const Owner = sequelize.define('owner', { email: { type: DataTypes.STRING, unique: true } });
await sequelize.sync({ force: true });
await Owner.create({ email: 'tom@example.com' });
await Owner.create({ email: 'tom@example.com' });
