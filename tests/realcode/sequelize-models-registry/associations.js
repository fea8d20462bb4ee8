function applyAssociations(sequelize) {
  const { Author, Book, Review } = sequelize.models;

  Author.hasMany(Book, { foreignKey: 'authorId' });
  Book.belongsTo(Author, { foreignKey: 'authorId' });
  Book.hasMany(Review);
  Review.belongsTo(Book);
}

module.exports = { applyAssociations };
