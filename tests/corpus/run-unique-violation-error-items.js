const User = sequelize.define('user', { email: { type: DataTypes.STRING, unique: true } });
await sequelize.sync({ force: true });
await User.create({ email: 'a@b.c' });
try { await User.create({ email: 'a@b.c' }); } catch (e) { console.log(e.name, e.message, JSON.stringify(e.errors.map(x => ({ message: x.message, type: x.type, path: x.path, value: x.value, validatorKey: x.validatorKey }))), JSON.stringify(e.fields)); }
