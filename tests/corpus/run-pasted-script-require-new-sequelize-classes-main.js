const { Sequelize, DataTypes, Model, Op } = require('sequelize');
const sequelize2 = new Sequelize('sqlite::memory:', { logging: false });

class User extends Model {
  static associate(models) {
    User.hasMany(models.Note, { foreignKey: 'ownerId', as: 'notes' });
  }
}
User.init({
  username: { type: DataTypes.STRING, allowNull: false, unique: true },
  email: { type: DataTypes.STRING, validate: { isEmail: true } },
}, { sequelize: sequelize2, modelName: 'User', tableName: 'users', underscored: true });

class Note extends Model {
  static associate(models) {
    Note.belongsTo(models.User, { foreignKey: 'ownerId', as: 'owner' });
  }
}
Note.init({ text: DataTypes.TEXT }, { sequelize: sequelize2, modelName: 'Note', tableName: 'notes', underscored: true });

const models = { User, Note };
Object.values(models).forEach((model) => model.associate && model.associate(models));

async function main() {
  await sequelize2.sync({ force: true });
  const user = await User.create({ username: 'neo', email: 'neo@matrix.io' });
  await user.createNote({ text: 'follow the white rabbit' });
  const notes = await Note.findAll({ include: [{ model: User, as: 'owner', attributes: ['username'] }] });
  console.log(JSON.stringify(notes, null, 2));
  try {
    await User.create({ username: 'neo' });
  } catch (error) {
    console.error(error);
    console.log(error.name, error.errors[0].message);
  }
  await sequelize2.close();
}

main().catch(console.error);
