// expect error "The playground stops a run after 200000 rows" at "Owner.count()" hint "no snippet can freeze the page"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
async function seed0() { await seed1(); await seed1(); }
async function seed1() { await seed2(); await seed2(); }
async function seed2() { await seed3(); await seed3(); }
async function seed3() { await seed4(); await seed4(); }
async function seed4() { await seed5(); await seed5(); }
async function seed5() { await seed6(); await seed6(); }
async function seed6() { await seed7(); await seed7(); }
async function seed7() { await seed8(); await seed8(); }
async function seed8() { await seed9(); await seed9(); }
async function seed9() { await seed10(); await seed10(); }
async function seed10() { await seed11(); await seed11(); }
async function seed11() { await seed12(); await seed12(); }
async function seed12() { await seed13(); await seed13(); }
async function seed13() { await seed14(); await seed14(); }
async function seed14() { await seed15(); await seed15(); }
async function seed15() { await seed16(); await seed16(); }
async function seed16() { await seed17(); await seed17(); }
async function seed17() { await seed18(); await seed18(); }
async function seed18() { await seed19(); await seed19(); }
async function seed19() { await seed20(); await seed20(); }
async function seed20() { await Owner.create({ name: 'Tom' }); await Owner.count(); }
await seed0();
