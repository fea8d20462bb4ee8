// expect warning "does not run 'if' statements" at "if"
const User = sequelize.define('user', { name: DataTypes.STRING });
if (User) { console.log('defined'); }
