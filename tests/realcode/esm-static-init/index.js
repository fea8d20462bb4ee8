import models, { sequelize } from './models/index.js';

const { Owner, Repo } = models;

async function main() {
  await sequelize.sync({ force: true });
  const owner = await Owner.create({ name: 'octo' });
  await Repo.bulkCreate([{ slug: 'hello', stars: 3, ownerId: owner.id }, { slug: 'world', ownerId: owner.id }]);
  const repos = await Repo.findAll({ include: 'owner', order: [['slug', 'ASC']] });
  console.log(repos.map((r) => `${r.owner.name}/${r.slug} ★${r.stars}`));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
