const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING });

Student.belongsToMany(Course, { through: 'Enrollments' });
Course.belongsToMany(Student, { through: 'Enrollments' });

(async () => {
  await sequelize.sync({ force: true });
  const [alice, bob] = await Student.bulkCreate([{ name: 'Alice' }, { name: 'Bob' }]);
  const math = await Course.create({ title: 'Math' });
  await math.addStudents([alice, bob]);
  const courses = await Course.findAll({ include: Student });
  console.log(JSON.stringify(courses.map(c => ({ title: c.title, students: c.Students.map(s => s.name) })), null, 2));
})();
