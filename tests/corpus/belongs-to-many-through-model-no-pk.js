const Student = sequelize.define('student', { name: DataTypes.STRING });
const Course = sequelize.define('course', { title: DataTypes.STRING });
const Enrollment = sequelize.define('enrollment', { grade: DataTypes.STRING });
Student.belongsToMany(Course, { through: Enrollment });
Course.belongsToMany(Student, { through: Enrollment });
