const db = require('./models');

db.sequelize.sync()
  .then(() => {
    console.log('Database synced');
    return db.Department.create({ name: 'R&D' });
  })
  .then((dept) => db.Worker.create({ name: 'Ines', salary: 5000, departmentId: dept.id })
    .then((worker) => dept.update({ managerId: worker.id })))
  .then(() => db.Department.findOne({ include: ['workers', 'manager'] }))
  .then((dept) => {
    console.log(JSON.stringify({ name: dept.name, manager: dept.manager.name, workers: dept.workers.map((w) => w.name) }, null, 2));
  })
  .catch((err) => {
    console.log('Failed to sync db: ' + err.message);
  });
