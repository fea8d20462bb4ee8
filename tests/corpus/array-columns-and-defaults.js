// ARRAY columns: PostgreSQL's array type with an array default (Sequelize writes the
// same DDL for the other dialects, which refuse it when the table is created).
const Recipe = sequelize.define('Recipe', {
  title: { type: DataTypes.STRING, allowNull: false },
  tags: { type: DataTypes.ARRAY(DataTypes.STRING), defaultValue: [] },
  scores: { type: DataTypes.ARRAY(DataTypes.INTEGER), defaultValue: [1, 2] },
  notes: DataTypes.ARRAY(DataTypes.TEXT),
  meta: DataTypes.JSONB,
});
const Cook = sequelize.define('Cook', { name: DataTypes.STRING, skills: DataTypes.ARRAY(DataTypes.STRING(40)) });
Cook.hasMany(Recipe);
Recipe.belongsTo(Cook);
