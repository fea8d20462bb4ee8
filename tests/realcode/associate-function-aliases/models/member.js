'use strict';
module.exports = function (sequelize, DataTypes) {
  var Member = sequelize.define('Member', {
    displayName: DataTypes.STRING,
    joinedAt: DataTypes.DATE
  });

  Member.associate = function (models) {
    Member.hasOne(models.Address, { as: 'homeAddress', foreignKey: 'memberId' });
    Member.belongsTo(models.Member, { as: 'referrer', foreignKey: 'referredById' });
    Member.hasMany(models.Member, { as: 'referrals', foreignKey: 'referredById' });
  };

  return Member;
};
