const Country = sequelize.define('country', {
  iso: { type: DataTypes.CHAR(2), primaryKey: true },
  name: DataTypes.STRING,
});
const City = sequelize.define('city', {
  cityId: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
  name: DataTypes.STRING,
});
Country.hasMany(City);
City.belongsTo(Country);
