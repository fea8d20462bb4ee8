const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('database', 'username', 'password', {
  host: 'localhost',
  dialect: 'postgres',
  logging: false,
  define: {
    freezeTableName: true,
    timestamps: false,
  },
});

const Person = sequelize.define('person', { name: DataTypes.STRING });
const Pet = sequelize.define('pet', { name: DataTypes.STRING });
Person.hasMany(Pet, { as: 'pets', foreignKey: 'ownerId' });
Pet.belongsTo(Person, { as: 'owner', foreignKey: 'ownerId' });

(async () => {
  await sequelize.sync({ force: true });
  const person = await Person.create({ name: 'Kim' });
  await person.createPet({ name: 'Rex' });
  console.log((await Pet.findAll({ include: 'owner' })).map(p => p.owner.name));
})();
