// expect warning "does not run generator functions" at "function* ids() { yield 1; }"
const User = sequelize.define('user', { name: DataTypes.STRING });
function* ids() { yield 1; }
ids();
