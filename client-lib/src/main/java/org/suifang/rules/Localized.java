package org.suifang.rules;

/** A coded outcome with a message in Chinese and in English. */
interface Localized {

  /** Returns the stable code, e.g. {@code CHECK_DIGIT}. Enums implement it for free. */
  String name();

  /** Returns the message in Chinese. */
  String messageZh();

  /** Returns the message in English. */
  String messageEn();
}
