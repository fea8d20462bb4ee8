class Owner extends Model {}
Owner.init({ name: DataTypes.STRING }, { modelName: 'owner' });
