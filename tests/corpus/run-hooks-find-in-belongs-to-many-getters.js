// A belongsToMany getter with a beforeFind hook on its target: the hook sees the join include added to the caller's, and what it sets (order) applies; include: Model (not a list) is Sequelize's TypeError.
const Student = sequelize.define('Student', { name: DataTypes.STRING });
const Course = sequelize.define('Course', { title: DataTypes.STRING, level: DataTypes.INTEGER });
const Teacher = sequelize.define('Teacher', { name: DataTypes.STRING });
Student.belongsToMany(Course, { through: 'Enrollments' });
Course.belongsToMany(Student, { through: 'Enrollments' });
Course.belongsTo(Teacher);
Course.addHook('beforeFind', (options) => {
  console.log('Course beforeFind', Object.keys(options), (options.include || []).length);
  if (!options.plain) {
    options.order = [['level', 'DESC']];
  }
});
Course.addHook('afterFind', (found) => console.log('afterFind', Array.isArray(found) ? found.length : typeof found));
await sequelize.sync({ force: true });
const kim = await Student.create({ name: 'Kim' });
const lee = await Teacher.create({ name: 'Lee' });
const math = await Course.create({ title: 'Math', level: 1, TeacherId: lee.id });
const art = await Course.create({ title: 'Art', level: 3 });
await kim.addCourses([math, art]);
console.log((await kim.getCourses()).map((c) => c.title));
const withTeacher = await kim.getCourses({ include: [Teacher], joinTableAttributes: [] });
console.log(withTeacher.map((c) => [c.title, c.Teacher && c.Teacher.name]));
console.log(await kim.countCourses());
console.log(await kim.countCourses({ where: { level: 3 } }));
await kim.getCourses({ include: Teacher });
