const Users = sequelize.define('Users', {
  user_id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true },
  username: { type: DataTypes.STRING(50), allowNull: false, unique: true },
  email: DataTypes.STRING,
  password: DataTypes.STRING,
}, { tableName: 'users', timestamps: true, createdAt: 'created_at', updatedAt: 'updated_at' });
const Stories = sequelize.define(
    'Stories',
    {
        story_id: {
            type: DataTypes.INTEGER.UNSIGNED,
            primaryKey: true,
            autoIncrement: true
        },
        created_by: {
            type: DataTypes.INTEGER.UNSIGNED,
            allowNull: false,
            references: {
                model: Users, // or "Users"
                key: 'user_id'
            }
        },
        title: {
            type: DataTypes.STRING(255),
            allowNull: false
        },
        content: {
            type: DataTypes.TEXT,
            allowNull: false
        }
    },
    {
        tableName: 'stories',
        timestamps: true,
        createdAt: 'created_at',
        updatedAt: 'updated_at'
    }
);
Users.hasOne(Stories, {
    // the user can have only one story
    foreignKey: 'created_by', // the key that references Users in Stories
    as: 'story' // relationship alias
});

Stories.belongsTo(Users, {
    // the story has an author (who is the user)
    foreignKey: 'created_by',// the key that references Users in Stories
    as: 'author' // relationship alias
});
