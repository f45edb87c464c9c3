/*
 * Given names common in English-language news, by the gender they are usually given to,
 * so that "he" and "she" find a person of the right gender ("He" never resolves to
 * Sarah). Names given to both (Alex, Jordan, Taylor, Jamie…) are in neither list. Written
 * for this project from common knowledge of naming; lower case.
 */
export const MALE_FIRST_NAMES: readonly string[] = (
  'aaron abdul abraham adam adrian ahmed alan albert alejandro alexander alexei alfred ali ' +
  'andre andrew andrei andy angus anthony antonio antony arnold arthur barack barry ben benjamin ' +
  'benny bernard bernie bill billy bob bobby boris brad bradley brandon brendan brett brian bruce ' +
  'bryan carl carlos charles charlie chris christopher chuck clarence colin craig dale dan daniel ' +
  'danny darren dave david dean dennis derek dick dmitry don donald doug douglas duncan dwight ' +
  'eddie edgar eduardo edward elon emmanuel enrique eric ernest eugene evan felix ' +
  'fernando francis francisco frank franklin fred frederick gary gavin geoffrey george gerald ' +
  'gordon graham greg gregory harold harry hassan hector henry herbert howard hugh hunter ian ' +
  'ibrahim igor isaac ivan jack jacob jake james jamal jared jason jay jeb jeff jeffrey jeremy ' +
  'jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua ' +
  'juan justin kamal keith ken kenneth kevin khalid  kirk kyle larry lawrence  ' +
  'leo leon leonard lewis  lloyd louis luis luke malcolm marco mario mark martin ' +
  'matt matthew maurice max michael miguel mike mikhail mitch mitt mohamed mohammad mohammed ' +
  'muhammad narendra nathan neil nicholas nick nigel noah norman oliver omar oscar owen pablo ' +
  'patrick paul pedro pete peter phil philip pierre rafael ralph randy ray raymond reza richard ' +
  'rick rob robert roberto rodrigo roger ron ronald ross roy rudy russell ryan salman sam samuel ' +
  'scott sean sebastian sergei sergey seth shane sidney simon stanley stephen steve steven stuart ' +
  'ted terry thomas tim timothy todd tom tommy tony travis trevor ulrich victor vincent vladimir ' +
  'volodymyr walter warren wayne will william willie xavier yuri zach zachary'
).split(' ');

export const FEMALE_FIRST_NAMES: readonly string[] = (
  'abigail ada alexandra alexandria alice alicia alison amanda amber amy ana andrea angela ' +
  'angelina anita ann anna anne annie barbara beatrice becky betsy betty beverly brenda bridget ' +
  'brittany camila carla carly carmen carol caroline carolyn catherine cathy cecilia charlotte ' +
  'cheryl chloe christina christine claire claudia colleen cynthia daisy dana danielle deborah ' +
  'debbie denise diana diane dolores donna doris dorothy eileen elaine eleanor elena elise ' +
  'elizabeth ella ellen emily emma erica erin esther eva evelyn fiona florence frances gabriela ' +
  'gail gina gloria grace hannah harriet heather heidi helen hillary holly ilhan irene isabel ' +
  'isabella jacinda jane janet janice jasmine jean jennifer jenny jessica jill joan joanna ' +
  'jocelyn josephine joyce judith judy julia julie justine kamala karen kate katherine kathleen ' +
  'kathryn kathy katie kay kelly kimberly kirsten kristen kristi laura lauren leah lily linda ' +
  'lisa liz lois lori louise lucy lydia lynn madeleine madison maggie margaret maria marie ' +
  'marilyn marina marjorie martha mary maxine megan melania melanie melissa mia michelle ' +
  'mildred monica nancy naomi natalie nicola nicole nikki nina nora olivia pamela patricia ' +
  'paula pauline penny rachel rebecca regina renee rita roberta rosa rose ruth sabrina sally ' +
  'samantha sandra sara sarah sharon sheila shirley sofia sonia sophia sophie stephanie susan ' +
  'suzanne sylvia tamara tanya teresa theresa tiffany tina tracy tulsi ursula valerie vanessa ' +
  'vera veronica victoria virginia wanda wendy whitney yvonne zoe'
).split(' ');
