/** The help of `--verbose`, on the program and on `topicform synth`: here so that the program's entry loads no command. */
export const VERBOSE_HELP = 'on a failure in your code, print its whole stack (also DEBUG=topicform)';
