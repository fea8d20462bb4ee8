const User = sequelize.define('user', { email: { type: DataTypes.STRING, unique: true } });
await sequelize.sync({ force: true });
await User.create({ email: 'a@example.com' });
await User.create({ email: 'a@example.com' });
