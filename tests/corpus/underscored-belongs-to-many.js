const Student = sequelize.define('student', { fullName: DataTypes.STRING }, { underscored: true });
const Course = sequelize.define('course', { courseTitle: DataTypes.STRING }, { underscored: true });
Student.belongsToMany(Course, { through: 'student_courses' });
Course.belongsToMany(Student, { through: 'student_courses' });
