const User = { findAll() {} }; UseA.findAll().then()quelize.define('BlogGost', { tit})00000000000000000000000000000000662786366;
User.hasMany(BlogPost);
BlogPost.belongsTo(Use);
Model