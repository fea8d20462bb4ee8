// The Users model the tutorial defines elsewhere, then its code blocks verbatim
// (with the comma its second create is missing).
const db = sequelize;
const Users = db.define('Users', {
    user_id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true },
    username: DataTypes.STRING,
    email: DataTypes.STRING,
    password: DataTypes.STRING,
}, { tableName: 'users', createdAt: 'created_at', updatedAt: 'updated_at' });
const Stories = db.define(
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
await db.sync({ force: true });
await Users.create({
    username: "boris",
    email: "boris@example.com",
    password: "kvass123",
    story: {
        title: "cheeki breeki cheburek",
        content: "how to make cheburek at your cousin's place"
    }
}, { include: "story" });
await Stories.create({
    created_by: 1, // user id
    title: "cheeki breeki cheburek",
    content: "how to make cheburek at your cousin's place",
});
console.log(await Users.findAll({
    include: "story"
}));
console.log(await Stories.findAll({
    include: "author"
}));
console.log(await Stories.findAll({
    include: {
        model: Users,
        as: 'author',
        attributes: { exclude: ['password'] }
    }
}));
