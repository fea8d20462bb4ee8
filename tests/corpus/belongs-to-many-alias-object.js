const Post = sequelize.define('post', { title: DataTypes.STRING });
const Tag = sequelize.define('tag', { name: DataTypes.STRING });
Post.belongsToMany(Tag, { through: 'post_tags', as: { singular: 'label', plural: 'labels' } });
