const Person = sequelize.define('Person', { name: DataTypes.STRING }, { freezeTableName: true });
const Address = sequelize.define('Address', { street: DataTypes.STRING }, { tableName: 'postal_addresses' });
Person.hasMany(Address);
Address.belongsTo(Person);
