const { Sequelize, Model, DataTypes } = require('sequelize');
const sequelize = new Sequelize('postgres://user:pass@example.com:5432/dbname');

class Project extends Model {}
Project.init({
  name: DataTypes.STRING,
  description: DataTypes.TEXT,
}, { sequelize, modelName: 'project' });

class Member extends Model {}
Member.init({
  fullName: DataTypes.STRING,
}, { sequelize, modelName: 'member' });

Project.hasMany(Member);
Member.belongsTo(Project);

async function main() {
  await sequelize.sync();
  const project = await Project.create({ name: 'Apollo', description: 'Moon' });
  await project.createMember({ fullName: 'Neil' });
  await project.createMember({ fullName: 'Buzz' });
  const members = await project.getMembers({ order: [['id', 'ASC']] });
  console.log(members.map(m => m.fullName));
}

main().catch(err => console.error(err));
