/** POST /api/v1/readings/category-model/train takes no fields: anything sent is refused (400), nothing is trained. */
export class TrainCategoryModelDto {}
