const User = sequelize.define('user', { name: DataTypes.STRING, age: DataTypes.INTEGER });
const Pet = sequelize.define('pet', { name: DataTypes.STRING });
User.hasMany(Pet);
Pet.belongsTo(User);
function seed() {
  return User.create({ name: 'Kim', age: 30 })
    .then((kim) => Promise.all([kim.createPet({ name: 'Rex' }), kim.createPet({ name: 'Tom' })]).then(() => kim));
}
sequelize.sync({ force: true })
  .then(() => seed())
  .then((kim) => {
    console.log('seeded', kim.name);
    return User.findOne({ where: { name: 'Kim' }, include: Pet });
  })
  .then((user) => {
    console.log(user.pets.map((p) => p.name).sort());
    return User.findByPk(999);
  })
  .then((missing) => {
    console.log(missing === null ? 'no user 999' : 'found');
    return Pet.create({ name: 'Ghost', userId: 999 });
  })
  .catch((err) => {
    console.log('failed:', err.name);
  })
  .finally(() => {
    console.log('done');
  });
