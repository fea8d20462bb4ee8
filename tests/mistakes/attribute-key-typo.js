// expect warning "Sequelize ignores 'allownull' in an attribute definition" at "allownull" hint "allowNull"
const Owner = sequelize.define('owner', { name: { type: DataTypes.STRING, allownull: false } });
