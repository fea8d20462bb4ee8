//! Ready-made snippets: the four tutorial scenarios the project grew from and more,
//! including mistakes worth making once. Each runs as is (the mistakes fail the way
//! Sequelize fails).

/// One preset of the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub title: &'static str,
    pub code: &'static str,
    /// A mistake to learn from: running it ends in Sequelize's error.
    pub mistake: bool,
}

/// The one-to-many pug/owner tutorial, with its models defined.
pub const DEFAULT_EXAMPLE: &str = ONE_TO_MANY;

const ONE_TO_ONE: &str = r#"const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });

Pug.belongsTo(Owner);
Owner.hasOne(Pug);

await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.create({ name: 'Cody', ownerId: tom.id });

const pugsWithTheirOwners = await Pug.findAll({ include: [{ model: Owner }] });
console.log(pugsWithTheirOwners[0]);
const ownersWithTheirPug = await Owner.findAll({ include: [{ model: Pug }] });
console.log(ownersWithTheirPug[0]);
"#;

const ONE_TO_MANY: &str = r#"const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });

Pug.belongsTo(Owner);
Owner.hasMany(Pug);

await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
await Pug.create({ name: 'Cody', ownerId: tom.id });
console.log(await Owner.findAll({ include: Pug }));
"#;

const USER_PROFILE: &str = r#"const User = sequelize.define('user', { username: DataTypes.STRING });
const Profile = sequelize.define('profile', { bio: DataTypes.TEXT });

User.hasOne(Profile);
Profile.belongsTo(User);

await sequelize.sync({ force: true });
const user = await User.create({ username: 'ada' });
const profile = await Profile.create({ bio: 'Counts things.' });
await user.setProfile(profile);
console.log(await User.findAll({ include: Profile }));
"#;

const USERS_STORIES: &str = r#"const Users = sequelize.define('Users', {
  user_id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true },
  username: DataTypes.STRING,
  password: DataTypes.STRING,
}, { tableName: 'users', createdAt: 'created_at', updatedAt: 'updated_at' });

const Stories = sequelize.define('Stories', {
  story_id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true },
  created_by: {
    type: DataTypes.INTEGER.UNSIGNED,
    allowNull: false,
    references: { model: Users, key: 'user_id' },
  },
  title: { type: DataTypes.STRING(255), allowNull: false },
  content: { type: DataTypes.TEXT, allowNull: false },
}, { tableName: 'stories', createdAt: 'created_at', updatedAt: 'updated_at' });

Users.hasOne(Stories, { foreignKey: 'created_by', as: 'story' });
Stories.belongsTo(Users, { foreignKey: 'created_by', as: 'author' });

await sequelize.sync({ force: true });
await Users.create({
  username: 'boris',
  password: 'kvass123',
  story: { title: 'cheeki breeki cheburek', content: "how to make cheburek at your cousin's place" },
}, { include: 'story' });
console.log(await Users.findAll({ include: 'story' }));
console.log(await Stories.findAll({
  include: { model: Users, as: 'author', attributes: { exclude: ['password'] } },
}));
"#;

const THROUGH_MODEL: &str = r#"const Student = sequelize.define('student', { name: DataTypes.STRING });
const Course = sequelize.define('course', { title: DataTypes.STRING });
// A join model of its own, with an attribute of the link itself.
const Enrollment = sequelize.define('enrollment', { grade: DataTypes.STRING });

Student.belongsToMany(Course, { through: Enrollment });
Course.belongsToMany(Student, { through: Enrollment });

await sequelize.sync({ force: true });
const ada = await Student.create({ name: 'Ada' });
const logic = await Course.create({ title: 'Logic' });
await ada.addCourse(logic);
console.log(await Student.findAll({ include: Course }));
console.log(await ada.countCourses());
"#;

const SELF_ASSOCIATION: &str = r#"const Employee = sequelize.define('employee', { name: DataTypes.STRING });

// Both sides on one table: an alias tells them apart.
Employee.belongsTo(Employee, { as: 'manager' });
Employee.hasMany(Employee, { as: 'reports', foreignKey: 'managerId' });

await sequelize.sync({ force: true });
const boss = await Employee.create({ name: 'Grace' });
await Employee.create({ name: 'Alan', managerId: boss.id });
console.log(await Employee.findAll({ include: ['manager', 'reports'] }));
"#;

const TWO_ALIASES: &str = r#"const User = sequelize.define('user', { name: DataTypes.STRING });
const Message = sequelize.define('message', { body: DataTypes.STRING });

// Two links to the same model need two aliases (and two foreign keys).
Message.belongsTo(User, { as: 'sender' });
Message.belongsTo(User, { as: 'recipient' });

await sequelize.sync({ force: true });
const ada = await User.create({ name: 'Ada' });
const bob = await User.create({ name: 'Bob' });
await Message.create({ body: 'hi', senderId: ada.id, recipientId: bob.id });
console.log(await Message.findAll({ include: ['sender', 'recipient'] }));
"#;

const UNDERSCORED_PARANOID: &str = r#"const Team = sequelize.define('team', { teamName: DataTypes.STRING },
  { underscored: true, paranoid: true });
const Player = sequelize.define('player', { fullName: DataTypes.STRING },
  { underscored: true, paranoid: true });

Team.hasMany(Player);
Player.belongsTo(Team);

await sequelize.sync({ force: true });
const reds = await Team.create({ teamName: 'Reds' });
const pat = await Player.create({ fullName: 'Pat', teamId: reds.id });
await Player.create({ fullName: 'Sam', teamId: reds.id });
await pat.destroy(); // paranoid: sets deleted_at instead of deleting
console.log(await Team.findAll({ include: Player }));
"#;

const NESTED_INCLUDE: &str = r#"const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
const Toy = sequelize.define('toy', { label: DataTypes.STRING });

Owner.hasMany(Pug);
Pug.belongsTo(Owner);
Pug.hasMany(Toy);
Toy.belongsTo(Pug);

await sequelize.sync({ force: true });
const tom = await Owner.create({ name: 'Tom' });
const cody = await Pug.create({ name: 'Cody', ownerId: tom.id });
await Toy.create({ label: 'ball', pugId: cody.id });
console.log(await Owner.findAll({ include: [{ model: Pug, include: [Toy] }] }));
"#;

const MANY_TO_MANY: &str = r#"const User = sequelize.define('user', { username: DataTypes.STRING });
const Project = sequelize.define('project', { title: DataTypes.STRING });

// A string `through` makes Sequelize define the join model for you.
User.belongsToMany(Project, { through: 'UserProjects' });
Project.belongsToMany(User, { through: 'UserProjects' });

await sequelize.sync({ force: true });
const ada = await User.create({ username: 'ada' });
const compiler = await Project.create({ title: 'compiler' });
await ada.addProject(compiler);
console.log(await User.findAll({ include: Project }));
"#;

const MISTAKE_MISSING_AS: &str = r#"const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });

Owner.hasMany(Pug, { as: 'pets' });

await sequelize.sync({ force: true });
// The association has an alias, so the include must say it: { model: Pug, as: 'pets' }.
console.log(await Owner.findAll({ include: Pug }));
"#;

const MISTAKE_ONE_SIDED: &str = r#"const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });

// Only one side is declared: pugs know their owner, owners do not know their pugs.
Pug.belongsTo(Owner);

await sequelize.sync({ force: true });
console.log(await Owner.findAll({ include: Pug }));
"#;

const MISTAKE_COLLISION: &str = r#"const Owner = sequelize.define('owner', { name: DataTypes.STRING });
// An attribute named like the association's alias.
const Pug = sequelize.define('pug', { name: DataTypes.STRING, owner: DataTypes.STRING });

Pug.belongsTo(Owner);
"#;

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "one-to-many",
        title: "One-to-many: owners and pugs",
        code: ONE_TO_MANY,
        mistake: false,
    },
    Preset {
        id: "one-to-one",
        title: "One-to-one: owners and pugs",
        code: ONE_TO_ONE,
        mistake: false,
    },
    Preset {
        id: "user-profile",
        title: "One-to-one: user and profile",
        code: USER_PROFILE,
        mistake: false,
    },
    Preset {
        id: "users-stories",
        title: "One-to-one with aliases: users and stories",
        code: USERS_STORIES,
        mistake: false,
    },
    Preset {
        id: "many-to-many",
        title: "Many-to-many: users and projects",
        code: MANY_TO_MANY,
        mistake: false,
    },
    Preset {
        id: "through-model",
        title: "Many-to-many through a model with its own data",
        code: THROUGH_MODEL,
        mistake: false,
    },
    Preset {
        id: "self-association",
        title: "Self-association: managers and reports",
        code: SELF_ASSOCIATION,
        mistake: false,
    },
    Preset {
        id: "two-aliases",
        title: "Two aliases to the same model",
        code: TWO_ALIASES,
        mistake: false,
    },
    Preset {
        id: "underscored-paranoid",
        title: "underscored and paranoid models",
        code: UNDERSCORED_PARANOID,
        mistake: false,
    },
    Preset {
        id: "nested-include",
        title: "Nested include: owners, pugs, toys",
        code: NESTED_INCLUDE,
        mistake: false,
    },
    Preset {
        id: "mistake-missing-as",
        title: "Mistake: include without the alias",
        code: MISTAKE_MISSING_AS,
        mistake: true,
    },
    Preset {
        id: "mistake-one-sided",
        title: "Mistake: including the side never declared",
        code: MISTAKE_ONE_SIDED,
        mistake: true,
    },
    Preset {
        id: "mistake-collision",
        title: "Mistake: attribute and association share a name",
        code: MISTAKE_COLLISION,
        mistake: true,
    },
];

pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The example whose code `code` is, exactly (the page names it in its select).
pub fn preset_with_code(code: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.code == code)
}
