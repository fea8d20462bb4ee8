// Class models with statics, an instance toJSON that hides a field, getters and setters.
const { Model } = require('sequelize');
class User extends Model {
  static async findByEmail(email) {
    return this.findOne({ where: { email: email.toLowerCase() } });
  }
  get displayName() {
    return `${this.firstName} ${this.lastName[0]}.`;
  }
  toJSON() {
    const values = { ...this.get() };
    delete values.password;
    return values;
  }
}
User.init({
  firstName: DataTypes.STRING,
  lastName: DataTypes.STRING,
  email: { type: DataTypes.STRING, unique: true, set(v) { this.setDataValue('email', v.trim().toLowerCase()); } },
  password: DataTypes.STRING,
  fullName: { type: DataTypes.VIRTUAL, get() { return `${this.firstName} ${this.lastName}`; } },
}, { sequelize, modelName: 'User', timestamps: false });
class Note extends Model {}
Note.init({ text: DataTypes.STRING, pinned: { type: DataTypes.BOOLEAN, defaultValue: false } }, { sequelize, modelName: 'Note', timestamps: false });
User.hasMany(Note, { as: 'notes' });
Note.belongsTo(User, { as: 'owner', foreignKey: 'UserId' });
await sequelize.sync({ force: true });
const u = await User.create({ firstName: 'Grace', lastName: 'Hopper', email: '  Grace@Navy.MIL ', password: 'secret' });
console.log(u.email, u.displayName, u.fullName);
console.log(JSON.stringify(u));
const found = await User.findByEmail('GRACE@navy.mil');
console.log(found.id, found instanceof User, found instanceof Model, found.constructor.name);
const body = { firstName: 'Amazing Grace', password: 'new' };
Object.assign(found, body);
console.log(found.changed());
await found.save();
await found.createNote({ text: 'COBOL', pinned: true });
await Note.create({ text: 'Bugs', UserId: found.id });
const withNotes = await User.findByPk(found.id, { include: [{ model: Note, as: 'notes', where: { pinned: true } }] });
console.log(withNotes.toJSON());
const note = await Note.findOne({ where: { text: 'Bugs' }, include: [{ model: User, as: 'owner' }] });
console.log(note.owner.displayName, JSON.stringify(note));
console.log(Object.keys(User.rawAttributes), User.tableName, User.name, Note.getTableName());
