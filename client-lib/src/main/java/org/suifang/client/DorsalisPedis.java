package org.suifang.client;

/** 足背动脉搏动, the dorsalis pedis pulse (diabetes form); the JSON names of {@code FollowUpCommand}. */
public enum DorsalisPedis {
  /** 1 触及正常: palpable, normal. */
  NORMAL,
  /** 2 减弱: weakened (with a side). */
  WEAKENED,
  /** 3 消失: absent (with a side). */
  ABSENT
}
