/**
 * Labels in the languages reports are written in besides English: read as the English words
 * they say, so that one vocabulary (labels.ts) decides them all. "Próximos pasos" is read as
 * "next steps", "本周进展" as "this week progress", "Nächste Schritte" as "next steps".
 *
 * Words of a language with spaces (Spanish, Portuguese, French, German, Italian, Russian) are
 * matched as words, their accents aside ("próximos" = "proximos"); Chinese, Japanese and
 * Korean are matched as written, the longest phrase first, and what no phrase matches counts
 * as one word of its own per two characters (a name: "用户登录模块" is four words of a name).
 * Only the label words a status report uses (what was done, what goes on, what comes, what
 * stands in the way, the summary, asides) and the words that frame them (this, week, of, the).
 */

/** Words (no accents, lowercase) → the English words they say. A word English also has is left out ("plan", "links"). */
const WORDS: Record<string, string> = {
  // Who and what, in a label said as a clause ("Was wir diese Woche erledigt haben", "Ce que nous avons fait").
  'que': 'what', 'nosotros': 'we', 'hemos': 'have', 'hice': 'did', 'nous': 'we', 'avons': 'have', 'je': 'i', 'wir': 'we', 'ich': 'i', 'haben': 'have', 'habe': 'have',
  'noi': 'we', 'abbiamo': 'have', 'nos': 'our', 'mes': 'month',
  // Spanish
  'hecho': 'done', 'completado': 'completed', 'completada': 'completed', 'completados': 'completed', 'completadas': 'completed',
  'terminado': 'finished', 'terminada': 'finished', 'terminados': 'finished', 'terminadas': 'finished',
  'realizado': 'done', 'realizada': 'done', 'realizados': 'done', 'realizadas': 'done', 'logros': 'achievements', 'logro': 'achievement',
  'lo que hicimos': 'what we did', 'lo que hice': 'what i did',
  'avances': 'progress', 'avance': 'progress', 'progreso': 'progress', 'en progreso': 'in progress', 'en curso': 'in progress',
  'proximos pasos': 'next steps', 'siguientes pasos': 'next steps', 'proxima': 'next', 'proximo': 'next', 'proximas': 'next', 'proximos': 'next', 'siguiente': 'next', 'siguientes': 'next',
  'planes': 'plans', 'planificado': 'planned', 'planeado': 'planned', 'objetivos': 'objectives', 'metas': 'goals', 'pendientes': 'todo', 'por hacer': 'to do', 'tareas': 'tasks',
  'riesgos': 'risks', 'riesgo': 'risk', 'problemas': 'problems', 'desafios': 'challenges', 'retos': 'challenges', 'dificultades': 'difficulties',
  'bloqueos': 'blockers', 'bloqueado': 'blocked', 'bloqueados': 'blocked', 'impedimentos': 'impediments', 'obstaculos': 'obstacles',
  'resumen': 'summary', 'agradecimientos': 'acknowledgements', 'notas': 'notes', 'enlaces': 'links', 'referencias': 'references', 'recursos': 'resources',
  'aprendizajes': 'learnings', 'lecciones aprendidas': 'lessons learned',
  'esta': 'this', 'este': 'this', 'semana': 'week', 'semanal': 'weekly', 'la': 'the', 'el': 'the', 'los': 'the', 'las': 'the', 'de': 'of', 'del': 'of',
  'y': 'and', 'para': 'for', 'en': 'in', 'semana pasada': 'last week', 'mes pasado': 'last month', 'pasada': 'last', 'pasado': 'last', 'anterior': 'previous',
  'nuestro': 'our', 'nuestros': 'our', 'mis': 'my', 'mi': 'my', 'trabajo': 'work', 'equipo': 'team',
  // Portuguese
  'feito': 'done', 'feitos': 'done', 'concluido': 'completed', 'concluida': 'completed', 'concluidos': 'completed', 'concluidas': 'completed',
  'entregue': 'delivered', 'entregues': 'delivered', 'conquistas': 'achievements', 'o que fizemos': 'what we did', 'o que fiz': 'what i did',
  'progresso': 'progress', 'em andamento': 'in progress', 'em progresso': 'in progress', 'em curso': 'in progress',
  'proximos passos': 'next steps', 'planos': 'plans', 'planejado': 'planned', 'riscos': 'risks', 'dificuldades': 'difficulties', 'bloqueios': 'blockers',
  'resumo': 'summary', 'aprendizados': 'learnings', 'semana passada': 'last week', 'passada': 'last', 'passado': 'last',
  'da': 'of', 'das': 'of', 'dos': 'of', 'em': 'in', 'nosso': 'our', 'tarefas': 'tasks',
  // French
  'fait': 'done', 'faits': 'done', 'terminee': 'finished', 'terminees': 'finished', 'termines': 'finished', 'realisations': 'achievements', 'realises': 'done', 'realisees': 'done',
  'accompli': 'accomplished', 'accomplis': 'accomplished', 'ce qui a ete fait': 'what was done',
  'progres': 'progress', 'avancement': 'progress', 'avancees': 'progress', 'en cours': 'in progress',
  'prochaines etapes': 'next steps', 'etapes suivantes': 'next steps', 'prochaine': 'next', 'prochaines': 'next', 'prochain': 'next', 'prochains': 'next', 'a venir': 'upcoming',
  'objectifs': 'objectives', 'planifie': 'planned', 'prevu': 'planned', 'taches': 'tasks',
  'risques': 'risks', 'risque': 'risk', 'problemes': 'problems', 'difficultes': 'difficulties', 'defis': 'challenges', 'blocages': 'blockers', 'bloque': 'blocked', 'bloques': 'blocked', 'points bloquants': 'blockers',
  'resume': 'summary', 'synthese': 'summary', 'remerciements': 'acknowledgements', 'liens': 'links', 'ressources': 'resources',
  'cette': 'this', 'ce': 'this', 'semaine': 'week', 'mois': 'month', 'le': 'the', 'les': 'the', 'des': 'of', 'du': 'of', 'et': 'and', 'pour': 'for',
  'semaine derniere': 'last week', 'semaine passee': 'last week', 'derniere': 'last', 'dernier': 'last', 'precedente': 'previous', 'notre': 'our',
  // German (ä, ö, ü as a, o, u)
  'erledigt': 'done', 'abgeschlossen': 'completed', 'erreicht': 'achieved', 'fertig': 'finished', 'umgesetzt': 'implemented', 'ergebnisse': 'results',
  'fortschritt': 'progress', 'fortschritte': 'progress', 'in arbeit': 'in progress', 'laufend': 'ongoing', 'aktuell': 'current',
  'nachste schritte': 'next steps', 'nachste': 'next', 'nachsten': 'next', 'geplant': 'planned', 'planung': 'planning', 'ziele': 'goals', 'ausblick': 'outlook', 'aufgaben': 'tasks',
  'risiken': 'risks', 'probleme': 'problems', 'herausforderungen': 'challenges', 'schwierigkeiten': 'difficulties', 'blockiert': 'blocked', 'hindernisse': 'obstacles',
  'zusammenfassung': 'summary', 'uberblick': 'overview', 'ubersicht': 'overview', 'danksagung': 'acknowledgements', 'notizen': 'notes', 'anmerkungen': 'remarks', 'ressourcen': 'resources', 'referenzen': 'references',
  'diese': 'this', 'dieser': 'this', 'diesen': 'this', 'woche': 'week', 'monat': 'month', 'der': 'the', 'den': 'the', 'dem': 'the', 'und': 'and', 'fur': 'for',
  'letzte woche': 'last week', 'letzte': 'last', 'letzten': 'last', 'vergangene': 'last', 'kommende': 'upcoming',
  // Italian
  'fatto': 'done', 'completato': 'completed', 'completati': 'completed', 'completata': 'completed', 'completate': 'completed', 'risultati': 'results',
  'in corso': 'in progress', 'progressi': 'progress', 'prossimi passi': 'next steps', 'prossima': 'next', 'prossimo': 'next', 'prossimi': 'next', 'prossime': 'next',
  'obiettivi': 'objectives', 'rischi': 'risks', 'problemi': 'problems', 'sfide': 'challenges', 'blocchi': 'blockers', 'bloccato': 'blocked', 'riepilogo': 'summary', 'sommario': 'summary', 'ringraziamenti': 'acknowledgements',
  'questa': 'this', 'questo': 'this', 'settimana': 'week', 'mese': 'month', 'settimana scorsa': 'last week', 'scorsa': 'last', 'scorso': 'last', 'della': 'of', 'di': 'of',
  // Russian
  'сделано': 'done', 'выполнено': 'completed', 'готово': 'done', 'завершено': 'completed', 'в работе': 'in progress', 'в процессе': 'in progress',
  'планы': 'plans', 'план': 'plan', 'следующие шаги': 'next steps', 'следующей': 'next', 'следующая': 'next', 'цели': 'goals', 'задачи': 'tasks',
  'проблемы': 'problems', 'риски': 'risks', 'блокеры': 'blockers', 'итоги': 'summary', 'резюме': 'summary',
  'на': 'on', 'этой': 'this', 'эта': 'this', 'неделе': 'week', 'неделя': 'week', 'и': 'and', 'прошлой': 'last',
};

/** Chinese (simplified and traditional), Japanese and Korean phrases → English words, matched as written. */
const PHRASES: Record<string, string> = {
  // Chinese
  '本周': 'this week', '本週': 'this week', '这周': 'this week', '這週': 'this week', '本星期': 'this week', '上周': 'last week', '上週': 'last week', '下周': 'next week', '下週': 'next week',
  '本月': 'this month', '上月': 'last month', '下月': 'next month', '今日': 'today', '明日': 'next',
  '已完成': 'done', '完成情况': 'done', '完成': 'done', '成果': 'results', '工作总结': 'work done', '工作總結': 'work done',
  '进展': 'progress', '進展': 'progress', '进度': 'progress', '進度': 'progress', '进行中': 'in progress', '進行中': 'in progress', '正在进行': 'in progress',
  '计划': 'plan', '計劃': 'plan', '計畫': 'plan', '下一步': 'next steps', '待办': 'todo', '待辦': 'todo', '目标': 'goals', '目標': 'goals', '后续': 'follow ups', '後續': 'follow ups', '安排': 'plan',
  '遇到的问题': 'issues faced', '遇到的問題': 'issues faced', '问题': 'issues', '問題': 'issues', '风险': 'risks', '風險': 'risks', '困难': 'difficulties', '困難': 'difficulties', '挑战': 'challenges', '挑戰': 'challenges',
  '阻塞': 'blockers', '阻碍': 'blockers', '阻礙': 'blockers', '障碍': 'blockers', '障礙': 'blockers', '需要帮助': 'help needed', '需要協助': 'help needed', '需要协助': 'help needed', '需要支持': 'help needed',
  '总结': 'summary', '總結': 'summary', '小结': 'summary', '摘要': 'summary', '概述': 'overview', '概要': 'overview',
  '参考资料': 'references', '參考資料': 'references', '参考': 'references', '參考': 'references', '链接': 'links', '鏈接': 'links', '致谢': 'acknowledgements', '致謝': 'acknowledgements', '感谢': 'thanks', '感謝': 'thanks',
  '备注': 'notes', '備註': 'notes', '心得': 'reflections', '收获': 'learnings', '收穫': 'learnings', '反思': 'reflections',
  '工作': 'work', '任务': 'tasks', '任務': 'tasks', '情况': '', '情況': '', '内容': '', '內容': '', '主要': 'main', '的': '', '和': 'and', '与': 'and', '與': 'and', '及': 'and', '我们': 'we', '我們': 'we', '我': 'i',
  // Japanese
  '今週': 'this week', '先週': 'last week', '来週': 'next week', '進捗': 'progress', '完了': 'done', 'やったこと': 'what i did', '実績': 'results',
  '予定': 'plans', '計画': 'plan', '次回': 'next time', 'やること': 'todo', '課題': 'issues', '問題点': 'problems', 'リスク': 'risks', '懸念点': 'concerns', '懸念': 'concerns',
  '困っていること': 'blockers', 'ブロッカー': 'blockers', 'まとめ': 'summary', '所感': 'reflections', '備考': 'notes', '振り返り': 'retrospective', 'タスク': 'tasks', 'の': '', 'と': 'and',
  // Korean
  '이번 주': 'this week', '이번주': 'this week', '지난 주': 'last week', '지난주': 'last week', '다음 주': 'next week', '다음주': 'next week',
  '완료된': 'done', '완료': 'done', '진행 중': 'in progress', '진행중': 'in progress', '진행 상황': 'progress', '진행': 'progress', '계획': 'plan', '목표': 'goals',
  '문제점': 'problems', '문제': 'problems', '이슈': 'issues', '위험': 'risks', '리스크': 'risks', '요약': 'summary', '참고': 'references', '회고': 'retrospective', '업무': 'work', '작업': 'work', '및': 'and', '의': '',
};

/** A letter of a script written without spaces between words, or with Korean's. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u;
const UNSPACED_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** What a phrase of no vocabulary stands for: a word of a name. */
const OTHER_WORD = 'xx';

/** Accents aside, case kept (ä → a, é → e, й → и, "Nicolò" → "Nicolo"). */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Lowercase, accents aside: how words are compared. */
export function fold(text: string): string {
  return withoutAccents(text.toLowerCase());
}

const PHRASE_KEYS = Object.keys(PHRASES).sort((a, b) => b.length - a.length);

/**
 * A label's text with its Chinese, Japanese and Korean phrases read as English words (before
 * `fold`: Korean and Japanese letters are compared as written, not taken apart).
 */
export function readUnspaced(text: string): string {
  if (!UNSPACED_ANY.test(text)) return text;
  let out = '';
  let unknown = 0;
  const flush = () => {
    if (unknown > 0) out += ` ${Array.from({ length: Math.ceil(unknown / 2) }, () => OTHER_WORD).join(' ')} `;
    unknown = 0;
  };
  for (let i = 0; i < text.length; ) {
    if (!UNSPACED.test(text[i]!)) {
      flush();
      out += text[i];
      i++;
      continue;
    }
    const phrase = PHRASE_KEYS.find((p) => text.startsWith(p, i));
    if (phrase === undefined) {
      unknown++;
      i++;
      continue;
    }
    flush();
    out += ` ${PHRASES[phrase]} `;
    i += phrase.length;
  }
  flush();
  return out;
}

/** Phrases of WORDS by their first word, longest first. */
const BY_FIRST = new Map<string, Array<{ words: string[]; english: string[] }>>();
for (const [phrase, english] of Object.entries(WORDS)) {
  const words = fold(phrase).split(' ');
  const list = BY_FIRST.get(words[0]!) ?? [];
  list.push({ words, english: english.split(' ').filter(Boolean) });
  list.sort((a, b) => b.words.length - a.words.length);
  BY_FIRST.set(words[0]!, list);
}

/** A label's words (folded, split) with other languages' words read as English ones. */
export function englishWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < tokens.length; ) {
    const found = BY_FIRST.get(tokens[at]!)?.find((p) => p.words.every((w, i) => tokens[at + i] === w));
    if (found) {
      out.push(...found.english);
      at += found.words.length;
    } else {
      out.push(tokens[at]!);
      at++;
    }
  }
  return out;
}

/** "None", "nothing" in those languages (folded), alone or with "so far", "for now": a placeholder, no item. */
export const NONE_SAID =
  /^(?:ninguno|ninguna|nada|sin novedad(?:es)?|nenhum|nenhuma|aucun|aucune|rien|neant|keine|keiner|nichts|nessuno|nessuna|niente|нет|ничего|无|無|没有|沒有|暂无|暫無|暂时没有|なし|特になし|無し|ありません|없음|없습니다)\s*[.!。！]?$/u;

/**
 * What a Chinese, Japanese or Korean sentence says of its work, by the marks those languages
 * put on a verb: done (了, 已, 完成; しました, 完了; 완료, 했습니다), planned (将, 计划, 准备; 予定;
 * 예정), going on (正在; 中です, しています; 진행 중). Not when it says it is not done (未, 没有,
 * 还没). English sentences are read by labels.ts.
 */
export function unspacedSentenceKind(text: string): 'achieved' | 'next' | 'progress' | undefined {
  if (!UNSPACED_ANY.test(text)) return undefined;
  const t = text.trim();
  if (/^(?:将|將|计划|計劃|准备|準備|打算|预计|預計|下周|下週|接下来|接下來)|将要|将会|將要|將會|予定|するつもり|예정|할 계획/u.test(t)) return 'next';
  if (/正在|进行中|進行中|しています|している|進行中|진행 중|진행중|하고 있/u.test(t)) return 'progress';
  if (/未|尚未|没有|沒有|还没|還沒|できませんでした|못했/u.test(t)) return undefined;
  if (/已经|已經|已|完成|(?<![为為除])了|しました|完了|済み|できました|완료|했습니다|했다|하였습니다|되었습니다/u.test(t)) return 'achieved';
  return undefined;
}
