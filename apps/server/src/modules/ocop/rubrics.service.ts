import {
  previewScore,
  validateAnswers,
  type RubricAnswerIssue,
  type RubricSheet,
  type RubricSummary,
  type ScorePreviewBody,
  type ScorePreviewResult,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import * as repo from './rubrics.repository.ts';

/** Answer issues as a 400 with one path per criterion, under `where` (e.g. ['body', 'answers']). */
export function answerIssuesError(issues: RubricAnswerIssue[], where: string[]): AppError {
  return new AppError('VALIDATION_FAILED', 'The answers do not fit the scoring sheet', {
    issues: issues.map((i) => ({
      path: i.criterion === null ? where : [...where, i.criterion],
      message: i.message,
      code: i.code,
    })),
  });
}

export function createRubricsService(db: Db) {
  // A (sheet, version) pair never changes once written, so a sheet read once can be kept; only
  // "which version is the latest" is asked of the database each time.
  const sheets = new Map<string, Promise<RubricSheet | null>>();

  function sheetAt(id: string, version: number): Promise<RubricSheet | null> {
    const key = `${id}@${version}`;
    let found = sheets.get(key);
    if (!found) {
      found = repo.findRubricSheet(db, id, version).then((sheet) => {
        if (!sheet) sheets.delete(key);
        return sheet;
      });
      sheets.set(key, found);
    }
    return found;
  }

  /** The sheet at `version`, or its latest version; NOT_FOUND when there is none. */
  async function load(id: string, version?: number): Promise<RubricSheet> {
    const v = version ?? (await repo.findLatestVersion(db, id));
    const sheet = v === null ? null : await sheetAt(id, v);
    if (!sheet) throw new AppError('NOT_FOUND', version ? `No version ${version} of sheet ${id}` : `No sheet ${id}`);
    return sheet;
  }

  return {
    load,

    list(): Promise<RubricSummary[]> {
      return repo.listLatestRubrics(db);
    },

    async summary(id: string, version: number): Promise<RubricSummary> {
      const found = await repo.findRubricSummary(db, id, version);
      if (!found) throw new AppError('NOT_FOUND', `No version ${version} of sheet ${id}`);
      return found;
    },

    /** Total, parts, star and next-star plan of a complete answer set; 400 with the criteria at fault otherwise. */
    async preview(body: ScorePreviewBody): Promise<ScorePreviewResult> {
      const sheet = await load(body.rubricId, body.version);
      const options = { knockOut: body.knockOut ?? null };
      const issues = validateAnswers(sheet, body.answers, options);
      if (issues.length > 0) throw answerIssuesError(issues, ['body', 'answers']);
      return previewScore(sheet, body.answers, options);
    },
  };
}

export type RubricsService = ReturnType<typeof createRubricsService>;
