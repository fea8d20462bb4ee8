const db = require('./models');

(async () => {
  await db.sequelize.sync({ force: true });
  const sue = await db.Student.create({ name: 'Sue' });
  const bio = await db.Class.create({ subject: 'Biology' });
  await sue.addClass(bio, { through: { grade: 'B+' } });
  const student = await db.Student.findOne({
    include: [{ model: db.Class, as: 'classes', through: { attributes: ['grade'] } }],
  });
  console.log(JSON.stringify(student.classes.map((c) => ({ subject: c.subject, grade: c.Enrollment.grade })), null, 2));
})();
