const Author = sequelize.define('author', { name: DataTypes.STRING }, { createdAt: 'created', updatedAt: false });
const Book = sequelize.define('book', { title: DataTypes.STRING }, { createdAt: false, updatedAt: 'modified' });
Author.hasMany(Book);
