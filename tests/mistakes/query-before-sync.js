// expect error "SequelizeDatabaseError: relation \"owners\" does not exist" at "Owner.create({ name: 'Tom' })"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await Owner.create({ name: 'Tom' });
