/** Satisfaction (memnuniyet): statistics section and the case's rating, Turkish first; the compiler checks each has an English twin. */
export const satisfactionTr = {
  'satisfaction.title': 'Vatandaş memnuniyeti',
  'satisfaction.average': 'Ortalama puan',
  'satisfaction.averageValue': '{value} / 5',
  'satisfaction.responseRate': 'Yanıt oranı',
  'satisfaction.asked': 'Sorulan',
  'satisfaction.answered': 'Yanıtlanan',
  'satisfaction.notSolved': 'Çözülmedi diyen',
  'satisfaction.distribution': 'Puan dağılımı',
  'satisfaction.distributionDescription': 'Puanı 1 ile 5 arasında veren yanıtların sayısı: {values}',
  'satisfaction.rating': '{rating} puan',
  'satisfaction.answers': 'Yanıt',
  'satisfaction.byDepartment': 'Müdürlüğe göre memnuniyet',
  'satisfaction.byNeighbourhood': 'Mahalleye göre memnuniyet',
  'satisfaction.neighbourhood': 'Mahalle',
  'satisfaction.department': 'Müdürlük',
  'satisfaction.none': 'Bu dönemde memnuniyet sorusu sorulmadı.',
  'satisfaction.caseRating': 'Vatandaşın puanı',
  'satisfaction.caseNotSolved': 'Vatandaş sorunun çözülmediğini bildirdi; başvuru yeniden açıldı.',
  'satisfaction.caseComment': 'Vatandaşın yorumu: {comment}',
  'satisfaction.history.departmentTold':
    'Vatandaş sorunun çözülmediğini bildirdi; müdürlüğe e-postayla bildirildi: {name}.',
  'satisfaction.history.departmentOutbox':
    'Vatandaş sorunun çözülmediğini bildirdi; müdürlüğe e-posta hazırlandı ({name}), e-posta sunucusu tanımlanınca gönderilecek.',
  'satisfaction.history.assigneeToo': 'Sorumlu personele de e-posta gitti.',
  'satisfaction.history.noDepartmentEmail':
    'Vatandaş sorunun çözülmediğini bildirdi; müdürlüğün ({name}) e-posta adresi olmadığı için müdürlüğe e-posta gönderilemedi.',
  'satisfaction.history.noDepartment':
    'Vatandaş sorunun çözülmediğini bildirdi; başvurunun müdürlüğü olmadığı için müdürlüğe e-posta gönderilemedi.',
  'satisfaction.history.assigneeTold': 'Sorumlu personele e-posta gitti.',
  'audit.act.case.department.told': 'Çözülmedi yanıtı müdürlüğe e-postayla bildirildi',
  'audit.act.case.department.not_told': 'Çözülmedi yanıtı müdürlüğe bildirilemedi (e-posta adresi yok)',
};

export const satisfactionEn: Record<keyof typeof satisfactionTr, string> = {
  'satisfaction.title': 'Citizen satisfaction',
  'satisfaction.average': 'Average rating',
  'satisfaction.averageValue': '{value} / 5',
  'satisfaction.responseRate': 'Response rate',
  'satisfaction.asked': 'Asked',
  'satisfaction.answered': 'Answered',
  'satisfaction.notSolved': 'Said not solved',
  'satisfaction.distribution': 'Ratings',
  'satisfaction.distributionDescription': 'Answers giving each rating from 1 to 5: {values}',
  'satisfaction.rating': '{rating} points',
  'satisfaction.answers': 'Answers',
  'satisfaction.byDepartment': 'Satisfaction by department',
  'satisfaction.byNeighbourhood': 'Satisfaction by neighbourhood',
  'satisfaction.neighbourhood': 'Neighbourhood',
  'satisfaction.department': 'Department',
  'satisfaction.none': 'No satisfaction question was asked in this period.',
  'satisfaction.caseRating': "Citizen's rating",
  'satisfaction.caseNotSolved': 'The citizen said the problem is not solved; the case was reopened.',
  'satisfaction.caseComment': "Citizen's comment: {comment}",
  'satisfaction.history.departmentTold':
    'The citizen said the problem is not solved; the department was told by e-mail: {name}.',
  'satisfaction.history.departmentOutbox':
    'The citizen said the problem is not solved; an e-mail to the department ({name}) was written and goes out once a mail server is set.',
  'satisfaction.history.assigneeToo': 'The assigned officer was e-mailed too.',
  'satisfaction.history.noDepartmentEmail':
    'The citizen said the problem is not solved; the department ({name}) has no e-mail address, so it could not be e-mailed.',
  'satisfaction.history.noDepartment':
    'The citizen said the problem is not solved; the case has no department, so no department could be e-mailed.',
  'satisfaction.history.assigneeTold': 'The assigned officer was e-mailed.',
  'audit.act.case.department.told': 'A "not solved" answer was e-mailed to the department',
  'audit.act.case.department.not_told': 'A "not solved" answer could not be e-mailed to the department (no address)',
};
