const { Sequelize, Model, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

class Doctor extends Model {
  static associate(models) {
    this.hasMany(models.Appointment, { foreignKey: 'doctorId' });
    this.belongsToMany(models.Patient, { through: models.Appointment, foreignKey: 'doctorId', otherKey: 'patientId' });
  }
}
Doctor.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Doctor' });

class Patient extends Model {
  static associate(models) {
    this.hasMany(models.Appointment, { foreignKey: 'patientId' });
    this.belongsToMany(models.Doctor, { through: models.Appointment, foreignKey: 'patientId', otherKey: 'doctorId' });
  }
}
Patient.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Patient' });

class Appointment extends Model {
  static associate(models) {
    this.belongsTo(models.Doctor, { foreignKey: 'doctorId' });
    this.belongsTo(models.Patient, { foreignKey: 'patientId' });
  }
}
Appointment.init({ at: DataTypes.DATE }, { sequelize, modelName: 'Appointment' });

const models = { Doctor, Patient, Appointment };
Object.values(models).forEach((model) => model.associate(models));

(async () => {
  await sequelize.sync({ force: true });
  const house = await Doctor.create({ name: 'House' });
  const pat = await Patient.create({ name: 'Pat' });
  await Appointment.create({ doctorId: house.id, patientId: pat.id, at: new Date(Date.UTC(2024, 0, 2, 9)) });
  const patients = await house.getPatients();
  console.log(patients.map(p => p.name));
})();
