const Item = sequelize.define('item', {
  name: { type: DataTypes.STRING, allowNull: false, unique: true, defaultValue: 'untitled' },
  stock: { type: DataTypes.INTEGER, defaultValue: 0 },
  visible: { type: DataTypes.BOOLEAN, defaultValue: true },
  hidden: { type: DataTypes.BOOLEAN, defaultValue: false },
  note: { type: DataTypes.STRING, defaultValue: "it's" },
  sku: { type: DataTypes.STRING, unique: 'sku_vendor' },
  vendor: { type: DataTypes.STRING, unique: 'sku_vendor' },
  addedAt: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
});
