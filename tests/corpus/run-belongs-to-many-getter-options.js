const Student = sequelize.define('student', { name: DataTypes.STRING });
const Course = sequelize.define('course', { title: DataTypes.STRING, credits: DataTypes.INTEGER });
const Teacher = sequelize.define('teacher', { name: DataTypes.STRING });
const Enrollment = sequelize.define('enrollment', { grade: DataTypes.STRING });
Student.belongsToMany(Course, { through: Enrollment });
Course.belongsToMany(Student, { through: Enrollment });
Teacher.hasMany(Course);
Course.belongsTo(Teacher);
await sequelize.sync({ force: true });
const t = await Teacher.create({ name: 'Ms T' });
const s = await Student.create({ name: 'Sam' });
const courses = await Course.bulkCreate([
  { title: 'Math', credits: 5, teacherId: t.id },
  { title: 'Art', credits: 2 },
  { title: 'Bio', credits: 4, teacherId: t.id },
]);
await s.addCourses(courses, { through: { grade: 'A' } });
await s.addCourse(courses[1], { through: { grade: 'B' } });
console.log(await s.countCourses({ where: { credits: { [Op.gte]: 4 } } }));
const some = await s.getCourses({ limit: 2, order: [['title', 'ASC']], include: [Teacher], through: { where: { grade: 'A' } } });
console.log(some.map((c) => [c.title, c.teacher && c.teacher.name, c.enrollment.grade]));
const raw = await s.getCourses({ raw: true, attributes: ['title'], joinTableAttributes: ['grade'], order: [['id', 'ASC']] });
console.log(raw);
const scoped = await s.getCourses({ where: { teacherId: null } });
console.log(scoped.map((c) => c.title));
