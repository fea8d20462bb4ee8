const User = sequelize.define('user', { name: { type: DataTypes.STRING, allowNull: false }, email: DataTypes.STRING });
await sequelize.sync({ force: true });
await User.create({ name: 'a', email: 'a@x' });
try { await User.findOne({ where: { name: 'zz' }, rejectOnEmpty: true }); } catch (e) { console.log(e.name, JSON.stringify(e.message)); }
try { await User.findByPk(99, { rejectOnEmpty: true }); } catch (e) { console.log(e.name, JSON.stringify(e.message)); }
const found = await User.findOne({ where: { name: 'a' }, rejectOnEmpty: true });
console.log(found.name);
const u = User.build({ email: 'x' });
try { await u.validate(); console.log('valid'); } catch (e) { console.log(e.name, e.message); }
u.name = 'b';
console.log(await u.validate() === undefined);
await u.save();
console.log(u.id, u.email);
