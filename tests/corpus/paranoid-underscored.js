const Team = sequelize.define('team', { teamName: DataTypes.STRING }, { paranoid: true, underscored: true });
const Player = sequelize.define('player', { fullName: DataTypes.STRING }, { paranoid: true, underscored: true });
Team.hasMany(Player);
Player.belongsTo(Team);
