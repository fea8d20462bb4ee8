const Author = sequelize.define('author', { name: DataTypes.STRING });
const Book = sequelize.define('book', { title: DataTypes.STRING });
const Review = sequelize.define('review', { stars: DataTypes.INTEGER });
Author.hasMany(Book, { onDelete: 'cascade', onUpdate: 'restrict' });
Book.hasMany(Review, { onDelete: 'SET NULL' });
Review.belongsTo(Book);
