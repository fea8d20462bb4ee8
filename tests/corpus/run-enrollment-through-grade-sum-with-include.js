// Students and courses through an Enrollment model; roles on a join table.
const Student = sequelize.define('Student', { name: DataTypes.STRING }, { timestamps: false });
const Course = sequelize.define('Course', { title: DataTypes.STRING, credits: DataTypes.INTEGER }, { timestamps: false });
const Enrollment = sequelize.define('Enrollment', {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  grade: DataTypes.STRING,
}, { timestamps: false });
Student.belongsToMany(Course, { through: Enrollment });
Course.belongsToMany(Student, { through: Enrollment });
Student.hasMany(Enrollment);
Enrollment.belongsTo(Student);
Course.hasMany(Enrollment);
Enrollment.belongsTo(Course);
await sequelize.sync({ force: true });
const ann = await Student.create({ name: 'Ann' });
const ben = await Student.create({ name: 'Ben' });
const math = await Course.create({ title: 'Math', credits: 5 });
const art = await Course.create({ title: 'Art', credits: 2 });
await ann.addCourse(math, { through: { grade: 'A' } });
await ann.addCourses([art]);
await ben.addCourse(math, { through: { grade: 'C' } });
const result = await Student.findAll({
  include: { model: Course, through: { attributes: ['grade'] } },
  order: [['name', 'ASC'], [Course, 'title', 'ASC']],
});
result.forEach((s) => {
  console.log(s.name, s.Courses.map((c) => `${c.title}:${c.Enrollment.grade}`).join(', '));
});
const mathStudents = await math.getStudents({ joinTableAttributes: ['grade'], order: [['name', 'DESC']] });
console.log(mathStudents.map((s) => s.toJSON()));
const enrollments = await Enrollment.findAll({ include: [Student, Course], where: { grade: { [Op.ne]: null } } });
console.log(enrollments.map((e) => `${e.Student.name} ${e.Course.title} ${e.grade}`));
await ann.removeCourse(art);
console.log(await ann.countCourses());
await ben.setCourses([art, math]);
const benCourses = await ben.getCourses({ attributes: ['title'], joinTableAttributes: [] });
console.log(JSON.stringify(benCourses));
const credits = await Course.sum('credits', { include: { model: Student, where: { name: 'Ben' } } });
console.log(credits);
