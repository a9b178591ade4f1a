/** Case deadlines: at risk and late (issue 25), Turkish first; the compiler checks each has an English twin. */
export const caseDeadlinesTr = {
  'caseDeadlines.badge.atRisk': 'Süresi dolmak üzere',
  'caseDeadlines.badge.overdue': 'Gecikmiş',
  'caseDeadlines.badge.atRiskHint': 'Cevap süresinin dörtte üçü doldu',
  'caseDeadlines.badge.overdueHint': 'Cevap süresi doldu',
  'caseDeadlines.filter.atRisk': 'Yalnız süresi dolmak üzere olanlar',
  'caseDeadlines.filter.overdue': 'Yalnız gecikmişler',
  'caseDeadlines.due': 'Son gün',
  'caseDeadlines.atRiskFrom': 'Süresi dolmak üzere sayılır',
  'caseDeadlines.workingHours': '{hours} mesai saati (gece, hafta sonu ve tatiller sayılmaz)',
  'caseDeadlines.clockHours': '{hours} saat',
};

export const caseDeadlinesEn: Record<keyof typeof caseDeadlinesTr, string> = {
  'caseDeadlines.badge.atRisk': 'Due soon',
  'caseDeadlines.badge.overdue': 'Late',
  'caseDeadlines.badge.atRiskHint': 'Three quarters of the time to answer are gone',
  'caseDeadlines.badge.overdueHint': 'The time to answer is over',
  'caseDeadlines.filter.atRisk': 'Due soon only',
  'caseDeadlines.filter.overdue': 'Late only',
  'caseDeadlines.due': 'Due',
  'caseDeadlines.atRiskFrom': 'Counts as due soon from',
  'caseDeadlines.workingHours': '{hours} working hours (nights, weekends and holidays not counted)',
  'caseDeadlines.clockHours': '{hours} hours',
};
