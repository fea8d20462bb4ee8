const Flag = sequelize.define('flag', { label: DataTypes.STRING, on: DataTypes.BOOLEAN, note: DataTypes.TEXT });
await sequelize.sync({ force: true });
const f = await Flag.create({ label: true, on: 'false', note: false });
console.log(f.label, f.on, f.note);
const back = await Flag.findByPk(f.id);
console.log(back.label, back.on, back.note, typeof back.label);
console.log((await Flag.findAll({ where: { on: false } })).length);
