// expect error "DataTypes has no type called 'STRNG'" at "STRNG" hint "DataTypes.STRING"
const Owner = sequelize.define('owner', { name: DataTypes.STRNG });
