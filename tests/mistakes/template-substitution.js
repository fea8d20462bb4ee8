// expect warning "does not fill in ${…}" at "`${prefix}_users`"
const prefix = 'app';
const User = sequelize.define(`${prefix}_users`, { name: DataTypes.STRING });
